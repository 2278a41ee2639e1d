/**
 * The few things every module speaks: {@link org.huzhu.shared.Money}, identity numbers
 * ({@link org.huzhu.shared.IdNumber}, {@link org.huzhu.shared.CreditCode}), the personal-data
 * cipher, the database bootstrap and the problem+json error vocabulary. Kept small on purpose.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.huzhu.shared;
