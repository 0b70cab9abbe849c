package salvo.sequence.engine;

import java.util.Locale;

/** The seven dialog items (§3.14), by their item key. */
public enum DialogKind {
    MESSAGE, QUESTION, VALUE, NOTE, IMAGE, CHOICES, REFERENCES;

    static DialogKind of(String itemKind) {
        return valueOf(itemKind.substring("dialog_".length()).toUpperCase(Locale.ROOT));
    }
}
