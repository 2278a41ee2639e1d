package org.huzhu.organisation;

/** A union office in the tree. {@code path} lists the ids from the root: {@code /1/5/12/}. */
public record OrgNode(long id, String name, Level level, Long parentId, String path) {
}
