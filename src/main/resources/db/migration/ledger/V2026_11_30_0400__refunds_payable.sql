-- Contributions refunded after a cancellation (退保退费): approved refunds owed to their payer until the bank pays them.
insert into ledger.account (code, name, kind, description) values
    ('2204', '应付退费', 'LIABILITY', 'Contributions to refund to their payer after a cancellation, approved and not yet paid');
