package dev.roast.frontend.parse;

import static dev.roast.frontend.parse.Parsing.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Expr.*;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class FStringTest {

    static FString fstring(String source) {
        return assertInstanceOf(FString.class, expr(source));
    }

    @Test
    void textAndFields() {
        FString f = fstring("f\"x={x} y={y:.3f}\"");
        assertEquals(4, f.parts().size());
        assertEquals("x=", assertInstanceOf(FText.class, f.parts().get(0)).text());
        FField x = assertInstanceOf(FField.class, f.parts().get(1));
        assertEquals("x", assertInstanceOf(Name.class, x.expr()).id());
        assertEquals(0, x.conversion());
        assertNull(x.spec());
        assertFalse(x.selfDoc());
        assertEquals(" y=", assertInstanceOf(FText.class, f.parts().get(2)).text());
        FField y = assertInstanceOf(FField.class, f.parts().get(3));
        assertEquals(List.of(".3f"), y.spec().parts().stream().map(p -> ((FText) p).text()).toList());
    }

    @Test
    void conversionsAndSpecs() {
        assertEquals("f<{a!r:>10}>", show("f'{a!r:>10}'"));
        assertEquals("f<{a!s}{b!a}>", show("f'{a!s}{b!a}'"));
        FField field = (FField) fstring("f'{a!r:>10}'").parts().getFirst();
        assertEquals('r', field.conversion());
        assertEquals(">10", ((FText) field.spec().parts().getFirst()).text());
        FField empty = (FField) fstring("f'{a:}'").parts().getFirst();
        assertTrue(empty.spec().parts().isEmpty(), "an empty spec is an empty f-string, as in Python");
    }

    @Test
    void nestedFieldsInTheSpec() {
        FString f = fstring("f'{v:{width}.{prec}f}'");
        FField v = (FField) f.parts().getFirst();
        List<FPart> spec = v.spec().parts();
        assertEquals(4, spec.size());
        assertEquals("width", ((Name) ((FField) spec.get(0)).expr()).id());
        assertEquals(".", ((FText) spec.get(1)).text());
        assertEquals("prec", ((Name) ((FField) spec.get(2)).expr()).id());
        assertEquals("f", ((FText) spec.get(3)).text());
    }

    @Test
    void doubledBracesAreText() {
        FString f = fstring("f'{{literal}} {x}'");
        assertEquals("{literal} ", ((FText) f.parts().getFirst()).text());
        assertEquals(2, f.parts().size());
    }

    @Test
    void selfDocumentingFields() {
        FString f = fstring("f'{x=}'");
        assertEquals(2, f.parts().size());
        assertEquals("x=", ((FText) f.parts().get(0)).text());
        FField x = (FField) f.parts().get(1);
        assertTrue(x.selfDoc());
        assertEquals('r', x.conversion(), "repr unless a conversion or spec is given");
        FField spaced = (FField) fstring("f'a{x + 1 = }'").parts().get(1);
        assertEquals("ax + 1 = ", ((FText) fstring("f'a{x + 1 = }'").parts().get(0)).text(), "text merges, spaces kept");
        assertEquals("(x + 1)", AstPrinter.expr(spaced.expr()));
        FField withSpec = (FField) fstring("f'{x=:>5}'").parts().get(1);
        assertEquals(0, withSpec.conversion());
        FField withConv = (FField) fstring("f'{x=!s}'").parts().get(1);
        assertEquals('s', withConv.conversion());
        assertEquals("f<{(a == b)}>", show("f'{a == b}'"), "== is a comparison, not a self-documenting field");
    }

    @Test
    void sameQuotesAndNestedFStrings() {
        assertEquals("f<{d['k']}>", show("f\"{d[\"k\"]}\""));
        assertEquals("f<{f<{x}!>}>", show("f'{f\"{x}!\"}'"));
        assertEquals("f<{f<{f<{x}>}>}>", show("f'{f'{f'{x}'}'}'"));
        assertEquals("f<{', '.join(xs)}>", show("f'{', '.join(xs)}'"));
        assertEquals("f<{(lambda x: x)(1)}>", show("f'{(lambda x: x)(1)}'"));
        assertEquals("f<{{'a': 1}['a']}>", show("f'{ {\"a\": 1}[\"a\"] }'"));
    }

    @Test
    void embeddedExpressionsHaveAbsoluteSpans() {
        String src = "x = 1\nmsg = f\"total: {count + 1:>{width}}\"\n";
        Parsed p = clean(src);
        FString f = (FString) ((Stmt.Assign) p.body().get(1)).value();
        FField field = (FField) f.parts().get(1);
        assertEquals("count + 1", p.text(field.expr().span()));
        assertEquals("2:17", p.where(field.expr().span()));
        assertEquals("{count + 1:>{width}}", p.text(field.span()));
        FField width = (FField) field.spec().parts().get(1);
        assertEquals("width", p.text(width.expr().span()));
        assertEquals(">{width}", p.text(field.spec().span()));
        assertEquals("total: ", p.text(f.parts().getFirst().span()).substring(0, 7));
        assertEquals("f\"total: {count + 1:>{width}}\"", p.text(f.span()));
    }

    @Test
    void adjacentLiteralsMakeOneFString() {
        FString f = fstring("'a' f'b{x}c' 'd' f'{y}'");
        assertEquals("f<ab{x}cd{y}>", AstPrinter.expr(f));
        assertEquals(new Span(0, 23), f.span());
        assertInstanceOf(StrLit.class, expr("'a' 'b'"));
        FString onlyText = fstring("f'abc'");
        assertEquals(1, onlyText.parts().size());
        assertTrue(fstring("f''").parts().isEmpty());
    }

    @Test
    void escapesAndRawFStrings() {
        assertEquals("a\tb", ((FText) fstring("f'a\\tb'").parts().getFirst()).text());
        assertEquals("a\\tb", ((FText) fstring("rf'a\\tb'").parts().getFirst()).text());
        assertEquals("a\\tb", ((FText) fstring("Fr'a\\tb'").parts().getFirst()).text());
        assertEquals("•", ((FText) fstring("f'\\N{BULLET}'").parts().getFirst()).text(), "\\N{...} is not a field");
    }

    @Test
    void multilineFields() {
        Parsed p = clean("s = f\"\"\"{\n  x\n}\"\"\"\nt = f'{\", \".join([\n    'a',  # comment\n    'b'])}'\n");
        assertEquals(2, p.body().size());
    }

    @Test
    void errors() {
        assertEquals(List.of("1:9 E0009"), parse("print(f\"{}\")\n").errors(), "empty field: at the brace");
        assertEquals(List.of("1:7 E0009"), parse("x = f'{!r}'\n").errors());
        assertEquals(List.of("1:8 E0009"), parse("x = f'a}b'\n").errors(), "lone '}'");
        assertEquals(List.of("1:7 E0009"), parse("x = f'{x'\n").errors(), "unclosed '{'");
        assertEquals(List.of("1:7 E0009"), parse("x = f'{x\ny = 1\n").errors());
        assertEquals(List.of("1:5 E0004"), parse("x = f'{x}\ny = 1\n").errors(), "unterminated: at the prefix");
        assertEquals(List.of("1:10 E0001"), parse("x = f'{x!z}'\n").errors());
        assertEquals(List.of("1:10 E0001"), parse("x = f'{x!}'\n").errors());
        assertEquals(List.of("1:10 E0001"), parse("x = f'{x y}'\n").errors());
        assertEquals(List.of("1:10 E0008"), parse("x = f'{a $ b}'\n").errors(), "errors inside fields point into the file");
        assertEquals(List.of("2:12 E0001"), parse("x = 1\ny = f'{a + }'\n").errors());
    }
}
