package org.huzhu.banking.statement;

import org.huzhu.shared.Masks;
import org.huzhu.shared.crypto.PersonalDataCipher;

/**
 * Who paid or was paid on a statement line, as stored: a worker's or a unit's name and account,
 * encrypted; the account also masked for display and hashed with the personal-data hash key, so
 * that a line can be found by account without the account being readable.
 */
record StoredCounterparty(byte[] nameCipher, byte[] accountCipher, byte[] accountHash, String accountMasked) {

    static StoredCounterparty of(PersonalDataCipher cipher, String name, String account) {
        return new StoredCounterparty(name == null ? null : cipher.encrypt(name), account == null ? null : cipher.encrypt(account),
                account == null ? null : accountHash(cipher, account), Masks.accountNumber(account));
    }

    static byte[] accountHash(PersonalDataCipher cipher, String account) {
        return cipher.hash("account:" + account.replace(" ", ""));
    }
}
