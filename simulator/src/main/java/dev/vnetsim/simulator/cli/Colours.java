package dev.vnetsim.simulator.cli;

/** ANSI colours only on a terminal, and never when {@code NO_COLOR} is set (no-color.org). */
record Colours(boolean on) {
  static final Colours OFF = new Colours(false);

  static Colours forTerminal() {
    String noColor = System.getenv("NO_COLOR");
    return new Colours(System.console() != null && (noColor == null || noColor.isEmpty()));
  }

  String green(String s) {
    return on ? "\u001b[32m" + s + "\u001b[0m" : s;
  }

  String red(String s) {
    return on ? "\u001b[31m" + s + "\u001b[0m" : s;
  }

  String yellow(String s) {
    return on ? "\u001b[33m" + s + "\u001b[0m" : s;
  }
}
