package dev.roast.vm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void topLevelMembersOnePerLineDeeperOnesInline() {
        String text = new JsonWriter().beginObject()
                .name("a").value(1)
                .name("b").beginObject().name("c").beginArray().beginArray().value(2).value(3).endArray()
                .beginArray().value(4).value(5).endArray().endArray().name("d").beginObject().endObject().endObject()
                .name("e").nullValue()
                .endObject().text();
        assertEquals("""
                {
                  "a": 1,
                  "b": {"c": [[2, 3], [4, 5]], "d": {}},
                  "e": null
                }
                """, text);
    }

    @Test
    void decimalsArePlainWithAPoint() {
        var w = new JsonWriter().beginObject().name("x").beginArray();
        w.decimal(0, 3).decimal(5, 0).decimal(12300, 3).decimal(12345, 3).decimal(1, 3).decimal(100, 3).decimal(-2500, 3)
                .decimal(Long.MAX_VALUE, 3).decimal(7, 18);
        assertEquals("{\n  \"x\": [0.0, 5.0, 12.3, 12.345, 0.001, 0.1, -2.5, 9223372036854775.807, 0.000000000000000007]\n}\n",
                w.endArray().endObject().text());
        assertThrows(IllegalArgumentException.class, () -> new JsonWriter().decimal(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new JsonWriter().decimal(1, 19));
    }

    @Test
    void stringsAreEscapedToAscii() {
        String nasty = "a\"b\\c\nd\te\u0001f/é😀\u2028";
        String text = new JsonWriter().beginObject().name(nasty).value(nasty).endObject().text();
        assertEquals(text.chars().filter(c -> c >= 0x7F).count(), 0, text);
        assertEquals(Map.of(nasty, nasty), JsonReader.read(text));
        assertEquals(List.of("\"\\"), JsonReader.read(new JsonWriter().beginArray().value("\"\\").endArray().text()));
        assertEquals("[\n  1,\n  2\n]\n", new JsonWriter().beginArray().value(1).value(2).endArray().text(), "a top-level array as an object");
    }
}
