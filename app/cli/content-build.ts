console.log("[content] nothing to precompile yet");
