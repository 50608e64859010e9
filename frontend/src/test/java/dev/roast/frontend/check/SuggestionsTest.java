package dev.roast.frontend.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.roast.frontend.Frontend;
import dev.roast.frontend.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void findsTyposOfKnownNames() {
        List<String> names = List.of("norm", "total", "append", "print", "value");
        assertEquals("norm", Suggestions.closest("nrom", names));    // swapped letters
        assertEquals("append", Suggestions.closest("apend", names)); // a missing letter
        assertEquals("total", Suggestions.closest("totl", names));
        assertEquals("print", Suggestions.closest("pirnt", names));
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        List<String> names = List.of("norm", "total");
        assertNull(Suggestions.closest("x", names));
        assertNull(Suggestions.closest("completely_different", names));
        assertNull(Suggestions.closest("norm", names), "the name itself is no suggestion");
    }

    @Test
    void diagnosticsCarryTheSuggestion() {
        var r = Frontend.compile(new SourceFile("t.roast",
                "def norm(x: int) -> int:\n    return x\nprint(nrom(1))\nxs = [1]\nxs.apend(2)\n"));
        var helps = r.diagnostics().sorted().stream().map(d -> d.help()).toList();
        assertEquals(List.of("did you mean 'norm'?", "did you mean 'append'?"), helps);
    }
}
