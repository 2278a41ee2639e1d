/**
 * The scheme's terms as data: protection items, their plans and prices, share limits, who may
 * hold them, waiting periods, bundles, unit participation thresholds and funding policies.
 * Versions are effective-dated YAML files, read at start; a new office's terms need no code.
 */
package org.huzhu.catalogue;
