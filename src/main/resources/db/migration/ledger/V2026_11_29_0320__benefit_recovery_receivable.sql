-- Benefits paid that a post-payment check found were not due and that the member owes back (互助金追回):
-- booked Dr 1221 Cr 5101 when a second person confirms the finding, repaid Dr 1002 Cr 1221, written off Dr 5101 Cr 1221.
insert into ledger.account (code, name, kind, description) values
    ('1221', '其他应收款—互助金追回', 'ASSET', 'Benefits paid that a post-payment check found were not due, owed back by the member');
