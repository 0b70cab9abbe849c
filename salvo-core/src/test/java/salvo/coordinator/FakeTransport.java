package salvo.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import salvo.model.WorkerRef;
import salvo.worker.Transport;
import salvo.worker.WorkerHandle;
import salvo.worker.WorkerSignal;
import salvo.worker.WorkerSpec;

/**
 * Workers without processes (xdist's MockNode idea): each fake answers the coordinator's ops at
 * once, as a real worker of the protocol would, following a script per test id. Tests are named
 * {@code unit#name}; a unit's tests are the suite's.
 */
final class FakeTransport implements Transport {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What a fake does when told to run a test. */
    enum Script { PASS, FAIL, CRASH, HANG, HANG_THEN_LATE_PASS, CALL_BOARD }

    private final Map<String, List<String>> suite;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    final List<Fake> launched = new CopyOnWriteArrayList<>();

    FakeTransport(Map<String, List<String>> suite) {
        this.suite = suite;
    }

    FakeTransport script(String test, Script script) {
        scripts.put(test, script);
        return this;
    }

    @Override
    public WorkerHandle launch(WorkerSpec spec, WorkerRef ref, Consumer<WorkerSignal> inbox) {
        Fake fake = new Fake(ref, inbox);
        launched.add(fake);
        fake.say(JSON.objectNode().put("ev", "hello").put("mode", "worker"));
        fake.say(ev("idle"));
        return fake;
    }

    static ObjectNode ev(String name) {
        return JSON.objectNode().put("ev", name);
    }

    final class Fake implements WorkerHandle {
        private final WorkerRef ref;
        private final Consumer<WorkerSignal> inbox;
        private final AtomicBoolean exited = new AtomicBoolean();
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        /** The ops it was sent and the coordinator's answerAwaited calls, in the coordinator's order. */
        final List<String> opsAndAwaits = new CopyOnWriteArrayList<>();
        volatile String hangingIn;
        private volatile Runnable afterCall;

        Fake(WorkerRef ref, Consumer<WorkerSignal> inbox) {
            this.ref = ref;
            this.inbox = inbox;
        }

        @Override
        public WorkerRef ref() {
            return ref;
        }

        @Override
        public void answerAwaited() {
            opsAndAwaits.add("awaited");
        }

        void say(JsonNode body) {
            if (!exited.get()) {
                inbox.accept(WorkerSignal.Messages.one(this, body));
            }
        }

        void exit(int code) {
            if (exited.compareAndSet(false, true)) {
                inbox.accept(new WorkerSignal.Exited(this, code, "fake output of " + ref.slot()));
            }
        }

        @Override
        public synchronized boolean send(JsonNode op) {
            if (exited.get()) {
                return false;
            }
            received.add(op);
            opsAndAwaits.add(op.path("op").asText());
            switch (op.path("op").asText()) {
                case "collect" -> {
                    collected(op.path("file").asText());
                    say(ev("idle"));
                }
                case "run" -> run(op);
                case "reply" -> {
                    Runnable next = afterCall;
                    afterCall = null;
                    if (next != null) {
                        next.run();
                    }
                }
                case "shutdown" -> {
                    say(ev("session_finished").put("exitstatus", 0));
                    exit(0);
                }
                default -> { }
            }
            return true;
        }

        private void collected(String file) {
            ObjectNode m = ev("collected").put("file", file);
            var items = m.putArray("items");
            suite.get(file).forEach(t -> items.addObject().put("id", t).putNull("group").put("strategy", "free")
                    .put("scope", file));
            say(m);
        }

        private void run(JsonNode op) {
            List<String> tests = new java.util.ArrayList<>();
            op.path("tests").forEach(t -> tests.add(t.asText()));
            runFrom(tests, 0);
        }

        private void runFrom(List<String> tests, int from) {
            for (int i = from; i < tests.size(); i++) {
                String test = tests.get(i);
                say(ev("test_started").put("nodeid", test));
                Script script = scripts.getOrDefault(test, Script.PASS);
                switch (script) {
                    case PASS -> finished(test, "PASSED");
                    case FAIL -> finished(test, "FAILED");
                    case CRASH -> {
                        exit(128 + 11);
                        return;
                    }
                    case HANG, HANG_THEN_LATE_PASS -> {
                        hangingIn = test;
                        return;
                    }
                    case CALL_BOARD -> {
                        int next = i + 1;
                        afterCall = () -> {
                            finished(test, "PASSED");
                            runFrom(tests, next);
                        };
                        ObjectNode call = ev("call").put("req", 7).put("method", "board.setdefault");
                        call.putObject("args").put("key", "k").put("value", ref.slot());
                        say(call);
                        return;
                    }
                }
            }
            say(ev("idle"));
        }

        void finished(String test, String outcome) {
            ObjectNode m = ev("test_finished").put("nodeid", test).put("outcome", outcome).put("duration", 0.01);
            if (outcome.equals("FAILED")) {
                m.put("kind", "ASSERTION").put("message", "assert False").put("detail", "trace");
            }
            say(m);
        }

        @Override
        public void kill() {
            String hung = hangingIn;
            if (hung != null && scripts.get(hung) == Script.HANG_THEN_LATE_PASS) {
                finished(hung, "PASSED"); // said while dying: must not count
            }
            exit(128 + 9);
        }

        @Override
        public String outputTail() {
            return "fake output of " + ref.slot();
        }
    }
}
