package dev.rapport.core.domain;

/** A platform user named in an intro or a round, by id (so renames still resolve) and the name shown then. */
public record Person(String platformUserId, String name) {}
