package dev.vnetsim.simulator.requirements;

import com.google.common.collect.ImmutableList;

/** A versioned, dated list of requirement rows (e.g. the bundled {@code azureml-training.yaml}). */
public record RequirementPack(String name, String version, String date, String description,
    ImmutableList<Requirement> requirements) {}
