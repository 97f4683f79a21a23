package io.snapif.examples.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated cells into columns the way Go's {@code text/tabwriter} does with space
 * padding and no flags, which is how the snap command prints its tables, so that tables come out
 * character for character as snap's.
 *
 * <p>The rules: a cell is text terminated by a tab; the text after a line's last tab is not a
 * cell and is never padded. Cells in the same column of adjacent lines form a column block, whose
 * width is its widest cell plus {@code padding}, at least {@code minWidth}; a line without a cell
 * in that column ends the block, so each block is aligned on its own. Widths count code points.
 *
 * <p>Not thread-safe; use one per table.
 */
final class TabWriter {
  private final int minWidth;
  private final int padding;
  private final List<String[]> lines = new ArrayList<>();

  /** snap's table writer ({@code tabwriter.NewWriter(w, 5, 3, 2, ' ', 0)}). */
  static TabWriter snapTable() {
    return new TabWriter(5, 2);
  }

  /** The writer of {@code snap interface NAME} ({@code tabwriter.NewWriter(w, 2, 2, 1, ' ', 0)}). */
  static TabWriter snapDetails() {
    return new TabWriter(2, 1);
  }

  TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  /** Adds one line (without its newline); tabs separate cells. */
  TabWriter line(String text) {
    lines.add(text.split("\t", -1));
    return this;
  }

  /** Adds one line of cells: every value but the last is tab-terminated. */
  TabWriter row(String... cells) {
    return line(String.join("\t", cells));
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The aligned text, every line ending with a newline. */
  String format() {
    StringBuilder out = new StringBuilder();
    layout(out, new ArrayList<>(), 0, lines.size());
    return out.toString();
  }

  /**
   * Writes lines [from, to) whose columns before {@code widths.size()} are already sized, sizing
   * each block of the next column as it starts.
   */
  private void layout(StringBuilder out, List<Integer> widths, int from, int to) {
    int column = widths.size();
    int start = from;
    for (int i = from; i < to; i++) {
      if (cellCount(i) <= column) {
        continue;
      }
      // Line i opens a block in this column: lines before it are written with the widths known.
      write(out, widths, start, i);
      int end = i;
      int width = minWidth;
      while (end < to && cellCount(end) > column) {
        width = Math.max(width, textWidth(lines.get(end)[column]) + padding);
        end++;
      }
      widths.add(width);
      layout(out, widths, i, end);
      widths.remove(widths.size() - 1);
      start = end;
      i = end - 1;
    }
    write(out, widths, start, to);
  }

  /** Number of tab-terminated cells of line {@code i}. */
  private int cellCount(int i) {
    return lines.get(i).length - 1;
  }

  private void write(StringBuilder out, List<Integer> widths, int from, int to) {
    for (int i = from; i < to; i++) {
      String[] cells = lines.get(i);
      for (int j = 0; j < cells.length; j++) {
        out.append(cells[j]);
        if (j < widths.size()) {
          out.append(" ".repeat(widths.get(j) - textWidth(cells[j])));
        }
      }
      out.append('\n');
    }
  }

  private static int textWidth(String s) {
    return s.codePointCount(0, s.length());
  }
}
