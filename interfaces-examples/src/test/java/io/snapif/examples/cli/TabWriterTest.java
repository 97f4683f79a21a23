package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected texts are what Go's text/tabwriter prints for the same input and settings. */
class TabWriterTest {

  @Test
  void snapTable_padsEachColumnToItsWidestCellPlusTwo() {
    String text = TabWriter.snapTable()
        .row("Interface", "Plug", "Slot", "Notes")
        .row("audio-playback", "vlc:audio-playback", ":audio-playback", "-")
        .row("audio-record", "vlc:audio-record", "-", "-")
        .row("camera", "vlc:camera", "-", "-")
        .row("desktop", "vlc:desktop", ":desktop", "-")
        .row("home", "vlc:home", ":home", "-")
        .format();

    assertThat(text).isEqualTo(""
        + "Interface       Plug                Slot             Notes\n"
        + "audio-playback  vlc:audio-playback  :audio-playback  -\n"
        + "audio-record    vlc:audio-record    -                -\n"
        + "camera          vlc:camera          -                -\n"
        + "desktop         vlc:desktop         :desktop         -\n"
        + "home            vlc:home            :home            -\n");
  }

  @Test
  void snapTable_neverPadsTheLastCell() {
    String text = TabWriter.snapTable()
        .row("Interface", "Plug", "Slot", "Notes")
        .row("content[gnome-42-2204]", "chromium:gnome-42-2204", "gnome-42-2204:gnome-42-2204",
            "-")
        .row("x", "-", ":x", "manual,gadget")
        .format();

    assertThat(text).isEqualTo(""
        + "Interface               Plug                    Slot                         Notes\n"
        + "content[gnome-42-2204]  chromium:gnome-42-2204  gnome-42-2204:gnome-42-2204  -\n"
        + "x                       -                       :x                           "
        + "manual,gadget\n");
  }

  @Test
  void details_lineWithoutTabEndsTheColumnBlock() {
    String text = TabWriter.snapDetails()
        .line("name:\tcontent")
        .line("summary:\tallows sharing code and data with other snaps")
        .line("plugs:")
        .line("  - chromium:gnome-42-2204:")
        .line("      content:\tgnome-42-2204")
        .line("      default-provider:\tgnome-42-2204")
        .line("  - vlc")
        .line("      a:\tb")
        .format();

    assertThat(text).isEqualTo(""
        + "name:    content\n"
        + "summary: allows sharing code and data with other snaps\n"
        + "plugs:\n"
        + "  - chromium:gnome-42-2204:\n"
        + "      content:          gnome-42-2204\n"
        + "      default-provider: gnome-42-2204\n"
        + "  - vlc\n"
        + "      a: b\n");
  }

  @Test
  void blocksOfLaterColumnsStartWhereLinesHaveThatManyCells() {
    String text = TabWriter.snapTable()
        .line("a\tbb")
        .line("ccc\td\teeeeeee\tf")
        .line("g")
        .line("\t\tx")
        .line("hhhhhhhhh\ti\tj")
        .format();

    assertThat(text).isEqualTo(""
        + "a    bb\n"
        + "ccc  d    eeeeeee  f\n"
        + "g\n"
        + "                x\n"
        + "hhhhhhhhh  i    j\n");
  }

  @Test
  void widthCountsCharactersNotBytes() {
    String text = TabWriter.snapTable().row("é", "x").row("ab", "y").format();

    assertThat(text).isEqualTo("é    x\nab   y\n");
  }
}
