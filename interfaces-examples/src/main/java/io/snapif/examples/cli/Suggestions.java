package io.snapif.examples.cli;

import com.google.common.collect.ImmutableList;
import io.snapif.manager.ErrorKind;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.OperationException;
import io.snapif.model.InstalledSnap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** "Did you mean": the known names within a small edit distance of a mistyped one. */
final class Suggestions {
  /** Further than this many edits, a name is a different name, not a typo. */
  static final int MAX_EDITS = 2;
  private static final int MAX_SUGGESTIONS = 3;

  private Suggestions() {}

  /**
   * The names of {@code known} closest to {@code typed}, at most {@link #MAX_EDITS} edits away
   * (and fewer edits than {@code typed} has characters), sorted; empty when none is that close
   * or {@code typed} is known.
   */
  static ImmutableList<String> closest(String typed, Collection<String> known) {
    if (known.contains(typed)) {
      return ImmutableList.of();
    }
    Map<Integer, List<String>> byDistance = known.stream().distinct()
        .collect(Collectors.groupingBy(k -> distance(typed, k)));
    return byDistance.entrySet().stream()
        .filter(e -> e.getKey() <= MAX_EDITS && e.getKey() < typed.length())
        .min(Map.Entry.comparingByKey())
        .map(e -> e.getValue().stream().sorted().limit(MAX_SUGGESTIONS)
            .collect(ImmutableList.toImmutableList()))
        .orElse(ImmutableList.of());
  }

  /**
   * Edits (insert, delete, replace, swap two neighbours) turning {@code a} into {@code b}: the
   * optimal string alignment distance, so that {@code vcl} is one edit from {@code vlc}.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * {@code e}, with the installed snaps close to the snaps of {@code named} that it names and
   * that are not installed, when it is about a missing snap, plug or slot; {@code e} itself
   * when there is nothing to suggest.
   */
  static RuntimeException forSnaps(
      OperationException e, InterfaceManager manager, Collection<String> named) {
    if (e.kind() != ErrorKind.NOT_FOUND && e.kind() != ErrorKind.NOT_INSTALLED) {
      return e;
    }
    List<String> installed = manager.snaps().stream().map(InstalledSnap::name).toList();
    ImmutableList<String> suggestions = named.stream()
        .filter(n -> e.getMessage().contains("\"" + n + "\"") && manager.snap(n).isEmpty())
        .flatMap(n -> closest(n, installed).stream())
        .distinct()
        .collect(ImmutableList.toImmutableList());
    return suggestions.isEmpty() ? e : new CliFailure(e.kind(), e.getMessage(), suggestions, e);
  }

  /** {@code did you mean "a"?}, {@code did you mean "a" or "b"?}. */
  static String text(List<String> suggestions) {
    List<String> quoted = suggestions.stream().map(s -> "\"" + s + "\"").toList();
    String last = quoted.get(quoted.size() - 1);
    String words = quoted.size() == 1 ? last
        : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + last;
    return "did you mean " + words + "?";
  }
}
