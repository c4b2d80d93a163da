/**
 * Reading ARM resource JSON and YAML into a validated {@link dev.vnetsim.model.Topology}; the only package that
 * knows the input formats.
 *
 * <ul>
 *   <li>{@link dev.vnetsim.model.io.TopologyReader} finds the files, detects each file's shape (one resource, an
 *       array, {@code {"value": [...]}}, {@code {"data": [...]}}) and hands every resource to the reader for its
 *       type ({@code NetworkReaders}, {@code SecurityReaders}, {@code FirewallReaders} …). {@code Json} gives
 *       case-insensitive access to either ARM shape (nested {@code properties} or the az CLI's flattened one) and
 *       keeps each value's input path for messages.</li>
 *   <li>{@code Collector} holds what was read: the same id twice must have equal content; standalone children wait
 *       for their parent. {@code Assembly} merges them, then {@link dev.vnetsim.model.io.TopologyValidator} checks
 *       rules that span values (errors) and {@link dev.vnetsim.model.io.References} references to resources not in
 *       the input (warnings).</li>
 *   <li>Every error is one {@link dev.vnetsim.model.InvalidTopologyException}:
 *       {@code <file>: $.<json path> (<ARM id>): <rule broken>, <offending value>}; syntax errors are
 *       {@code <file>:<line>:<column>: <reason>}. Nothing is returned half-loaded.</li>
 * </ul>
 */
package dev.vnetsim.model.io;
