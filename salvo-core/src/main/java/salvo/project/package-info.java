/**
 * A project's salvo.yaml: one top-level section per adapter that reads it ({@code commands:},
 * {@code sequences:}, ...). {@link salvo.project.ProjectFile} composes it once into nodes that keep
 * their marks and refuses a top-level key no adapter present reads; each adapter takes its own
 * section and checks it with {@link salvo.project.Nodes}, so every mistake is one line at
 * {@code salvo.yaml:LINE:COLUMN}. The core knows no section by name: adapters say theirs through
 * {@link salvo.adapter.Adapter#projectSections()}.
 */
package salvo.project;
