package dev.roast.interpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * A Roast exception on its way out of interpreter activations: the exception
 * object (a packed pointer to its instance) and the frames it has passed
 * through, innermost first. Stackless on the Java side, like {@link PyError}.
 */
public final class RoastException extends RuntimeException {
    private final long exception;
    private final String typeName;
    private final List<TraceFrame> frames = new ArrayList<>();

    public RoastException(long exception, String typeName, String message) {
        super(message, null, false, false);
        this.exception = exception;
        this.typeName = typeName;
    }

    /** The exception instance (a packed POINTER). */
    public long exception() { return exception; }

    public String typeName() { return typeName; }

    RoastException addFrame(String function, int sourceOffset) {
        frames.add(new TraceFrame(function, sourceOffset));
        return this;
    }

    /** Innermost first. */
    public List<TraceFrame> frames() { return frames; }
}
