package io.snapif.yaml;

/**
 * A gadget.yaml could not be read or has invalid connections; see
 * {@link MetadataYamlException}.
 */
public final class GadgetYamlException extends MetadataYamlException {
  private static final long serialVersionUID = 1L;

  GadgetYamlException(String source, int line, String path, String problem) {
    super(source, line, path, problem);
  }
}
