package salvo.sequence.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's str() forms and $(…) expansion, pure: no helper. */
class PyReprAndExpanderTest {
    @Test
    void pythonForms() {
        assertEquals("True", PyRepr.str(true));
        assertEquals("None", PyRepr.str(null));
        assertEquals("3.0", PyRepr.str(3.0));
        assertEquals("0.1", PyRepr.str(0.1));
        assertEquals("1e+16", PyRepr.str(1e16));
        assertEquals("1e-05", PyRepr.str(0.00001));
        assertEquals("123456789012345.0", PyRepr.str(123456789012345.0));
        assertEquals("[1, 'a', \"it's\"]", PyRepr.str(List.of(1L, "a", "it's")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", 1L);
        m.put("n", null);
        assertEquals("{'k': 1, 'n': None}", PyRepr.str(m));
    }

    private static Scope scope(Map<String, Object> names, List<String> undefined) {
        return new Scope() {
            @Override
            public Object lookup(String name) {
                return names.get(name);
            }

            @Override
            public Evaluator evaluator() {
                return e -> Evaluator.Result.failed("no Python here");
            }

            @Override
            public void undefined(String name) {
                undefined.add(name);
            }

            @Override
            public void failed(String expression, String error) {
            }
        };
    }

    @Test
    void innermostFirstTypedAndSpliced() {
        Map<String, Object> names = Map.of("mode", "fast", "rate_fast", 10L, "flag", true, "list", List.of(1L, "a"));
        List<String> undefined = new ArrayList<>();
        Scope s = scope(names, undefined);
        assertEquals(10L, Expander.expand("$(rate_$(mode))", s));
        assertEquals(10L, Expander.expand(" $(rate_fast) ", s));
        assertEquals("10 Hz", Expander.expand("$(rate_fast) Hz", s));
        assertEquals("True [1, 'a']", Expander.expand("$(flag) $(list)", s));
        assertEquals("$(nope) x", Expander.expand("$(nope) x", s));
        assertEquals(List.of("nope"), undefined);
        assertEquals(Map.of("fast", 10L), Expander.expand(Map.of("$(mode)", "$(rate_fast)"), s));
    }

    @Test
    void expressionsForTheLoadCheckHidePlaceholders() {
        assertEquals(List.of("_v == 1", "'_v'"), Expander.expressionsForCheck("<| $(a) == 1 |> and <| '$(t_$(k))' |>"));
    }
}
