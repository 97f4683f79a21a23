package io.snapif.spi;

import io.snapif.model.Attributes;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer of an {@link InterfaceHook}'s prepare step: proceed, optionally with dynamic
 * attributes for its side of the connection, or veto with a reason.
 */
@Value.Immutable
public abstract class HookOutcome {
  /**
   * Dynamic attributes for the hook's side, replacing the ones set so far (by an earlier hook);
   * empty leaves them as they are.
   */
  public abstract Optional<Attributes> dynamicAttributes();

  /** When present, the connection must not be made, for this reason. */
  public abstract Optional<String> veto();

  /** Proceed without dynamic attributes. */
  public static HookOutcome proceed() {
    return ImmutableHookOutcome.builder().build();
  }

  /** Proceed, giving the hook's side these dynamic attributes. */
  public static HookOutcome proceed(Attributes dynamicAttributes) {
    return ImmutableHookOutcome.builder().dynamicAttributes(dynamicAttributes).build();
  }

  /** Refuse the connection; the operation fails with {@code conflict} and changes nothing. */
  public static HookOutcome veto(String reason) {
    return ImmutableHookOutcome.builder().veto(reason).build();
  }
}
