package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import java.util.List;
import java.util.Optional;

/**
 * personal-files and system-files: a plug lists paths in {@code read} and/or {@code write}
 * (at least one of them); each path is clean, has no trailing slash, no {@code ~} and no
 * AppArmor syntax, and passes the interface's own rule: personal-files paths start with
 * {@code $HOME/} (and use {@code $HOME} only there), system-files paths are absolute and never
 * use {@code $HOME}.
 */
final class FilesSanitizer implements Sanitizer {
  private final String iface;
  private final boolean home;

  private FilesSanitizer(String iface, boolean home) {
    this.iface = iface;
    this.home = home;
  }

  static FilesSanitizer personalFiles() {
    return new FilesSanitizer("personal-files", true);
  }

  static FilesSanitizer systemFiles() {
    return new FilesSanitizer("system-files", false);
  }

  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    boolean hasPaths = false;
    for (String attr : List.of("read", "write")) {
      Optional<Object> value = plug.attributes().get(attr);
      if (value.isEmpty()) {
        continue;
      }
      if (!(value.get() instanceof List<?> paths)) {
        throw fail(GoText.quote(attr) + " must be a list of strings");
      }
      for (Object path : paths) {
        if (!(path instanceof String p)) {
          throw fail(GoText.quote(attr) + " must be a list of strings");
        }
        validate(p);
      }
      hasPaths = true;
    }
    if (!hasPaths) {
      throw fail("needs valid \"read\" or \"write\" attribute");
    }
    return plug.attributes();
  }

  private void validate(String path) {
    if (path.endsWith("/")) {
      throw fail(GoText.quote(path) + " cannot end with \"/\"");
    }
    String clean = GoPath.clean(path);
    if (!clean.equals(path)) {
      throw fail("cannot use " + GoText.quote(path) + ": try " + GoText.quote(clean));
    }
    if (path.contains("~")) {
      throw fail(GoText.quote(path) + " cannot contain \"~\"");
    }
    try {
      AppArmorText.requireNoRegexp(path, "");
    } catch (AttributeCheckException e) {
      throw fail(e.reason());
    }
    if (home) {
      if (!path.startsWith("$HOME/")) {
        throw fail(GoText.quote(path) + " must start with \"$HOME/\"");
      }
      if (path.indexOf("$HOME") != path.lastIndexOf("$HOME")) {
        throw fail("$HOME must only be used at the start of the path of " + GoText.quote(path));
      }
    } else {
      if (!path.startsWith("/")) {
        throw fail(GoText.quote(path) + " must start with \"/\"");
      }
      if (path.contains("$HOME")) {
        throw fail("$HOME cannot be used in " + GoText.quote(path));
      }
    }
  }

  private AttributeCheckException fail(String why) {
    return new AttributeCheckException("cannot add " + iface + " plug: " + why);
  }
}
