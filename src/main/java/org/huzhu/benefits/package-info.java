/**
 * Benefit calculation: what each coverage a member holds pays for one incident (an admission, a
 * diagnosis or an accident) under the benefit rules of the catalogue version in force, with a
 * PAY / REDUCED / REJECT decision and coded reasons a worker can read. Every rule is a named
 * policy or component formula whose figures and ICD-10 lists come from
 * {@code catalogue/benefits/*.yaml}; {@link org.huzhu.benefits.BenefitEngine#calculate} is a pure
 * function and nothing is stored.
 */
package org.huzhu.benefits;
