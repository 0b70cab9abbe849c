/**
 * The command adapter: any executable is a test unit, so Go, Rust, Node or shell suites join a
 * Salvo run. Units come from salvo.yaml's {@code commands:} ({@link salvo.command.ProjectCommands})
 * and from {@code --command NAME=CMD} ({@link salvo.command.CommandOptions}); each runs as one
 * supervised process, and a JUnit XML report it writes becomes its tests.
 */
package salvo.command;
