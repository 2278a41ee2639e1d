/**
 * Accounts, roles and data scope. People log in with a form (browsers) or HTTP Basic (API
 * clients) against the same accounts; each account is bound to a node of the organisation
 * tree, a unit or a member, and every query elsewhere is limited to that subtree.
 */
package org.huzhu.identity;
