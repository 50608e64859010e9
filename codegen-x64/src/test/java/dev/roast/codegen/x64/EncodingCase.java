package dev.roast.codegen.x64;

import java.util.function.Consumer;

/** One line of the encoding table: what GNU {@code as} is given, and the assembler calls that must produce the same bytes. */
record EncodingCase(String text, Consumer<Assembler> emit) {
    byte[] bytes() {
        var a = new Assembler();
        emit.accept(a);
        return a.finish();
    }
}
