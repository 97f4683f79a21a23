package io.snapif.yaml;

/** A snap.yaml could not be read or fails snapd's validation; see {@link MetadataYamlException}. */
public final class SnapYamlException extends MetadataYamlException {
  private static final long serialVersionUID = 1L;

  SnapYamlException(String source, int line, String path, String problem) {
    super(source, line, path, problem);
  }
}
