package dev.roast.interpreter;

/** One line of a traceback: the function and the source offset that was running in it. */
public record TraceFrame(String function, int sourceOffset) {}
