package salvo.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A test run once in each of Salvo's isolation modes, which it takes as its String parameter. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "--isolation {0}")
@ValueSource(strings = {"fresh", "persistent", "fork", "fork-test"})
@interface EveryIsolationMode {}
