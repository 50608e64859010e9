package dev.roast.codegen.x64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks every {@link EncodingCases} case byte for byte against what GNU {@code as} made of its text (encodings.txt). */
class AssemblerEncodingTest {
    private static final String TABLE = "encodings.txt";
    private static final String REGENERATE = "run codegen-x64/scripts/gen-encodings (needs GNU binutils) and commit " + TABLE;
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesGnuAs() throws IOException {
        Map<String, String> expected = table();
        return EncodingCases.all().stream().map(c -> dynamicTest(c.text(), () -> {
            String want = expected.get(c.text());
            assertNotNull(want, () -> "no expected bytes for `" + c.text() + "` in " + TABLE + ": " + REGENERATE);
            assertEquals(want, HEX.formatHex(c.bytes()), () -> "`" + c.text() + "`");
        }));
    }

    @Test
    void thereAreThousandsOfCases() {
        List<EncodingCase> all = EncodingCases.all();
        assertTrue(all.size() > 5000, "only " + all.size() + " cases");
    }

    /** intel text → hex bytes; {@code #} lines are comments. */
    static Map<String, String> table() throws IOException {
        try (InputStream in = AssemblerEncodingTest.class.getResourceAsStream(TABLE)) {
            assertNotNull(in, TABLE + " is missing: " + REGENERATE);
            var out = new HashMap<String, String>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                out.put(line.substring(0, tab), line.substring(tab + 1));
            }
            return out;
        }
    }
}
