/**
 * What every simulated outside party shares: when Huzhu starts it ({@link org.huzhu.shared.simulator.ConditionalOnSimulator}).
 */
package org.huzhu.shared.simulator;
