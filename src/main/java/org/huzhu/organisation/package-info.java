/**
 * The union organisation tree — province, city, county — and the employer units under the
 * counties, each with its unified social credit code, ownership type and headcount. Every
 * node and unit carries a materialised path, which is what data scope compares.
 */
package org.huzhu.organisation;
