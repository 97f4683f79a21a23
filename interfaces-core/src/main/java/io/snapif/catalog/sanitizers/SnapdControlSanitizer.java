package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import java.util.Optional;

/**
 * snapd-control: a string {@code refresh-schedule} must be {@code managed}. snapd only looks at
 * string values, so a value of another type passes.
 */
final class SnapdControlSanitizer implements Sanitizer {
  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    Optional<String> schedule = plug.attributes().getString("refresh-schedule");
    if (schedule.isPresent() && !schedule.get().equals("managed")) {
      throw new AttributeCheckException(
          "unsupported refresh-schedule value: " + GoText.quote(schedule.get()));
    }
    return plug.attributes();
  }
}
