package salvo.execute;

import java.util.List;
import salvo.model.WorkerRef;

/**
 * A policy around an execution (retries, stop on the first failure): it changes how rounds go,
 * never where or how units run, so the slots, test selection and cleanup are the inner one's.
 */
abstract class Policy implements Execution {
    protected final Execution inner;

    Policy(Execution inner) {
        this.inner = java.util.Objects.requireNonNull(inner, "inner");
    }

    @Override
    public final List<WorkerRef> slots(int units) {
        return inner.slots(units);
    }

    @Override
    public final boolean selectsTests() {
        return inner.selectsTests();
    }

    @Override
    public final void close() {
        inner.close();
    }
}
