package salvo.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A collected test as the scheduler sees it.
 *
 * @param id       the adapter's wire id of the test
 * @param file     the rootdir-relative file it lives in
 * @param scope    the module id, or module::Class for a test in a class (for --dist loadscope)
 * @param group    its group, when marked with salvo_group / mp_group / xdist_group
 * @param estimate expected duration: from history, else its file's mean, else the suite's median
 */
public record TestItem(String id, String file, String scope, Optional<Group> group, Duration estimate) {
    public TestItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(estimate, "estimate");
    }
}
