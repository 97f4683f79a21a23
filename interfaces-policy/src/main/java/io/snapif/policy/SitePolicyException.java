package io.snapif.policy;

import io.snapif.SnapifException;

/**
 * A change to a {@link SitePolicy} that cannot be made: a file name that is not a rule file's,
 * a name it has no file of, or a file that cannot be read or written. Nothing was changed.
 * (Rules that do not compile are a {@link RuleCompilationException}.)
 */
public final class SitePolicyException extends SnapifException {
  private static final long serialVersionUID = 1L;

  SitePolicyException(String message) {
    super(message);
  }

  SitePolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
