package io.snapif.examples.cli;

import com.google.common.collect.ImmutableList;
import io.snapif.SnapifException;
import io.snapif.manager.ErrorKind;
import java.util.List;

/**
 * A command that cannot do what was asked; {@link SnapifCli} prints {@code error: MESSAGE} (then
 * {@code did you mean ...?} when there are suggestions) and exits with status 1. The kind is the
 * scenario format's, {@code conflict} unless said otherwise.
 */
final class CliFailure extends SnapifException {
  private static final long serialVersionUID = 1L;
  private final ErrorKind kind;
  private final ImmutableList<String> suggestions;

  CliFailure(String message) {
    this(ErrorKind.CONFLICT, message, List.of(), null);
  }

  CliFailure(String message, Throwable cause) {
    this(ErrorKind.CONFLICT, message, List.of(), cause);
  }

  CliFailure(ErrorKind kind, String message, List<String> suggestions, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.suggestions = ImmutableList.copyOf(suggestions);
  }

  ErrorKind kind() {
    return kind;
  }

  /** Names the user may have meant, best first; empty when none is close. */
  ImmutableList<String> suggestions() {
    return suggestions;
  }
}
