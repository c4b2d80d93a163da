package dev.vnetsim.simulator.trace;

/** How much of a (set) destination is reached: all of it, part of it, or none. */
public enum Coverage {
  ALL,
  PARTIAL,
  NONE
}
