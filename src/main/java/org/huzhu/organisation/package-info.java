/**
 * The union organisation tree — province, city, county — each office with its GB/T 2260 division
 * code, and the employer units under offices of any level, each with its unified social credit
 * code, ownership type, headcount and contact. Every node and unit carries a materialised path,
 * which is what data scope compares; a move re-paths the subtree here and, through
 * {@link org.huzhu.organisation.NodeMoved}, in every module that copies paths. Changes are kept
 * as history (organisation.change).
 */
package org.huzhu.organisation;
