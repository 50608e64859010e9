package dev.roast.codegen.x64;

/** Machine code could not be disassembled: objdump is missing, failed or took too long. */
public final class DisassemblyException extends Exception {
    public DisassemblyException(String message) {
        super(message);
    }

    public DisassemblyException(String message, Throwable cause) {
        super(message, cause);
    }
}
