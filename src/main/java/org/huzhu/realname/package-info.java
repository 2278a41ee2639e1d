/**
 * Real-name verification (实名认证): whether a worker is who they say they are, asked of an authoritative
 * identity-verification service through the {@link org.huzhu.realname.IdentityVerifier} adapter (三要素:
 * name, ID number and phone; 四要素: the same with a bank card), or seen in person at a counter. The front
 * door {@link org.huzhu.realname.RealNameChecks} keeps every answer as evidence (request id, time, result)
 * with the numbers as keyed hashes and masked copies only; in demo mode and tests a simulated provider
 * answers on loopback.
 */
package org.huzhu.realname;
