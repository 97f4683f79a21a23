package io.snapif.yaml;

/**
 * A problem found while reading a metadata file: where (1-based line, 0 when unknown; dotted
 * field path) and what. Internal: the public readers turn it into their typed exception.
 */
final class YamlProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int line;
  final String path;
  final String problem;

  YamlProblem(int line, String problem) {
    this(line, "", problem);
  }

  YamlProblem(int line, String path, String problem) {
    super(problem, null, false, false);
    this.line = line;
    this.path = path;
    this.problem = problem;
  }
}
