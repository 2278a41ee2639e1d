-- Money workers paid through the online-payment provider: confirmed by the provider, not yet settled
-- to the fund's bank account (the provider settles in a lump sum: Dr 1002 Cr 1012).
insert into ledger.account (code, name, kind, description) values
    ('1012', '其他货币资金—在线支付', 'ASSET', 'Online payments confirmed by the payment provider, not yet settled to the fund bank account');
