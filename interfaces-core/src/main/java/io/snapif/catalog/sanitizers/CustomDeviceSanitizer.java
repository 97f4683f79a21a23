package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * custom-device: both sides default {@code custom-device} to their own name. A slot grants
 * {@code devices} (read-write) and {@code read-devices} under {@code /dev/} and/or
 * {@code files} ({@code read}/{@code write} lists), at least one of them, and may add
 * {@code udev-tagging} rules, each naming one of its devices in {@code kernel} and optionally
 * {@code subsystem}, {@code attributes} and {@code environment}. Paths are absolute, clean, may
 * glob (but not with {@code **}) and avoid characters udev or AppArmor would misread.
 */
final class CustomDeviceSanitizer implements Sanitizer {
  private static final String IFACE = "custom-device";
  private static final Pattern FILE_PATH = Pattern.compile("^/[^\"@]*$");
  private static final Pattern DEVICE = Pattern.compile("^/dev/[^\"|{}\\\\]+$");
  private static final Pattern UDEV_VALUE = Pattern.compile("^[^\"{}\\\\]+$");
  private static final GoType STRINGS = GoType.listOf(GoType.STRING);

  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    return withNameDefault(plug.attributes(), plug.name());
  }

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    Attributes attrs = withNameDefault(slot.attributes(), slot.name());
    List<String> devices = strings(attrs, "devices", slot);
    for (String device : devices) {
      validateDevice(device, "devices");
    }
    List<String> readDevices = strings(attrs, "read-devices", slot);
    for (String device : readDevices) {
      validateDevice(device, "read-devices");
      if (devices.contains(device)) {
        throw new AttributeCheckException("cannot specify path " + GoText.quote(device)
            + " both in \"devices\" and \"read-devices\" attributes");
      }
    }
    List<String> allDevices = new ArrayList<>(devices);
    allDevices.addAll(readDevices);

    Map<?, ?> files = (Map<?, ?>) GoType.mapOf(STRINGS)
        .read(attrs, "files", slot.snap(), slot.iface()).orElse(Map.of());
    for (Map.Entry<?, ?> e : files.entrySet()) {
      String key = (String) e.getKey();
      if (!key.equals("read") && !key.equals("write")) {
        throw new AttributeCheckException("cannot specify " + GoText.quote(key)
            + " in \"files\" section, only \"read\" and \"write\" allowed");
      }
      for (Object path : (List<?>) e.getValue()) {
        validateFilePath((String) path, key);
      }
    }
    if (allDevices.isEmpty() && files.isEmpty()) {
      throw new AttributeCheckException(
          "cannot use custom-device slot without any files or devices");
    }

    List<?> rules = (List<?>) GoType.listOf(GoType.mapOf(GoType.ANY))
        .read(attrs, "udev-tagging", slot.snap(), slot.iface()).orElse(List.of());
    for (Object rule : rules) {
      validateTaggingRule((Map<?, ?>) rule, allDevices);
    }
    return attrs;
  }

  private static Attributes withNameDefault(Attributes attrs, String name) {
    Object value = attrs.asMap().get(IFACE);
    if (value != null && !(value instanceof String)) {
      throw new AttributeCheckException(
          "custom-device \"custom-device\" attribute must be a string, not " + GoText.value(value));
    }
    return value == null || value.equals("") ? attrs.with(IFACE, name) : attrs;
  }

  private static List<String> strings(Attributes attrs, String key, Slot slot) {
    return STRINGS.read(attrs, key, slot.snap(), slot.iface())
        .map(v -> ((List<?>) v).stream().map(String.class::cast).toList())
        .orElse(List.of());
  }

  private static void validateDevice(String path, String attr) {
    if (!DEVICE.matcher(path).matches()) {
      throw new AttributeCheckException("custom-device " + GoText.quote(attr)
          + " path must start with /dev/ and cannot contain special characters: "
          + GoText.quote(path));
    }
    validateFilePath(path, attr);
  }

  private static void validateFilePath(String path, String attr) {
    String prefix = "custom-device " + GoText.quote(attr) + " path ";
    if (!FILE_PATH.matcher(path).matches()) {
      throw new AttributeCheckException(prefix
          + "must start with / and cannot contain special characters: " + GoText.quote(path));
    }
    if (!GoPath.isCleanSubPath(path)) {
      throw new AttributeCheckException(prefix + "is not clean: " + GoText.quote(path));
    }
    AppArmorGlob.problem(path).ifPresent(problem -> {
      throw new AttributeCheckException(prefix + "cannot be used: " + problem);
    });
    if (path.contains("**")) {
      throw new AttributeCheckException(prefix + "contains invalid glob pattern \"**\"");
    }
  }

  private static void validateTaggingRule(Map<?, ?> rule, List<String> devices) {
    boolean hasKernel = false;
    for (Map.Entry<?, ?> e : rule.entrySet()) {
      String key = (String) e.getKey();
      String problem = switch (key) {
        case "subsystem" -> udevValueProblem(e.getValue());
        case "kernel" -> {
          hasKernel = true;
          String p = udevValueProblem(e.getValue());
          if (p.isEmpty() && !devices.contains("/dev/" + e.getValue())) {
            p = GoText.quote((String) e.getValue()) + " does not match a specified device";
          }
          yield p;
        }
        case "attributes", "environment" -> udevMapProblem(e.getValue());
        default -> "unknown tag";
      };
      if (!problem.isEmpty()) {
        throw new AttributeCheckException("custom-device \"udev-tagging\" invalid "
            + GoText.quote(key) + " tag: " + problem);
      }
    }
    if (!hasKernel) {
      throw new AttributeCheckException(
          "custom-device udev tagging rule missing mandatory \"kernel\" key");
    }
  }

  // Empty when the value is fine.
  private static String udevValueProblem(Object value) {
    if (!(value instanceof String s)) {
      return "value \"" + GoText.value(value) + "\" is not a string";
    }
    return UDEV_VALUE.matcher(s).matches() ? "" : "value \"" + s + "\" contains invalid characters";
  }

  private static String udevMapProblem(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return "value \"" + GoText.value(value) + "\" is not a map";
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!UDEV_VALUE.matcher((String) e.getKey()).matches()) {
        return "key \"" + e.getKey() + "\" contains invalid characters";
      }
      String problem = udevValueProblem(e.getValue());
      if (!problem.isEmpty()) {
        return problem;
      }
    }
    return "";
  }
}
