package dev.vnetsim.model;

/**
 * A resource of a type the model does not simulate (a storage account, a workspace): skipped, counted, but still
 * a valid target by id (a private endpoint's storage account, whose location gives its region).
 */
public record OtherResource(ResourceId id, String name, String type, String location) {}
