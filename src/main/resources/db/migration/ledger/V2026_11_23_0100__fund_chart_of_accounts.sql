-- The rest of the fund's chart of accounts: money owed to members for approved benefits, payouts on
-- their way through the bank, bank receipts not yet matched to a bill, and the benefit expense.
-- A journal may be reversed once; the reversal names the journal it undoes.
insert into ledger.account (code, name, kind, description) values
    ('1122.04', '应收赠送保障款—工会',   'ASSET',     'Gift cover the union pays from its gift budget, not yet received'),
    ('2202',    '应付互助金',             'LIABILITY', 'Benefits approved for members, not yet sent to the bank'),
    ('2203',    '在途支付',               'LIABILITY', 'Payouts sent to the bank, not yet confirmed settled or failed'),
    ('2241',    '待清分收款',             'LIABILITY', 'Money received on the fund account not yet matched to a bill'),
    ('2242',    '预收互助金',             'LIABILITY', 'Money received above what a bill asked for, to be refunded or applied'),
    ('5101',    '互助金给付支出',         'EXPENSE',   'Mutual-aid benefits approved for members');

create unique index journal_reversed_once on ledger.journal (reverses_journal_id) where reverses_journal_id is not null;
