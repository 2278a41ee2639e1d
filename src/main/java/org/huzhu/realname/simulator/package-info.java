/**
 * The simulated identity-verification provider: the documented HTTP protocol (signature checked) on
 * 127.0.0.1, answering by configurable rules, started in demo mode and tests so that verification works
 * without a contract with a real provider.
 */
package org.huzhu.realname.simulator;
