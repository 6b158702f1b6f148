extension SigningKey {
    /// The well-known signing key: RSA-2048, generated once with `openssl genrsa 2048` and published
    /// here on purpose. Anyone can mint tokens this emulator accepts: never expose it beyond a
    /// developer machine or a CI job, and pass `--signing-key` for anything shared.
    package static let wellKnownPEM = """
        -----BEGIN PRIVATE KEY-----
        MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDJPN9HxORMHLgs
        zpxxtHW4kx+YqpqblOU3CMIzw7JT0X9J/RdDYZD8zt/mCULjQ005pxpJj5r/XjPH
        ZhJ/JEp2vt6AM09Grf8em4nJhfcrXQZbH9GvKjJWBSRlx5MG00t/S6FxsSfBgqrb
        SxoFSDGq0hbMjNuYxKYBzuVBZXX1ekyG5ED/vvwlg2MaumqQd9+rv8lKn+xrRHXy
        rGEB3+oiBtvLX5VWWAhGg0n0V3SOzWpR+eW6AZ7aoqwSi8BSdVMmbfxkvVKyApts
        uR3BBhrC9ETFHxwD7weMCloIEhGl2Da/JLN7jbu7AOxNptiCwCfg/K9Hm3sYxylt
        8ukPlEmNAgMBAAECggEAEK5XkdLr27VLvQcZZ8F+OqETbuvBaiEjCPdUZccUiqck
        hoUQvxig1JvvalmdLkp/ZcaIws1BG2b7Is2+vcRL2eEDf5wBN8oniil5d/d/YBxT
        cQ1Hq93zEzdU54zuDpRIP1KNHOgC9CL5N7lXfFWaLF9C3YzVjSnL2v2D+nJHH2Rw
        vQofOhbuCi5hC54wtudEtCReujOxYb/zdf5G4FRGzQcCVOXa2YJ1DzXo2NeWB3gv
        oGN+x+DEax8zOfWiutqOY5B/2erVhT3UdMKeyjBQ7nOS6S+mQy3LeTs2njL4ye6s
        nrRDO/Zya6Rc1eouWE7FplBsAjlukDX4BzJvWuEkHwKBgQDoG3FzWVv/jQF3Z1i/
        p35NjUguqdDQsGxn6VIz/zPNpDUbT2Vw0/2kM0PsjwyM6v/74RLmbe2uBMObsOes
        B3o6unGS2u/xt376FNeN52uI4cILIVUXJjfzEqrhCv6UCzVeamNEVLWtj+Q3eShr
        RznlpFh5/Cedu+47l9l0DvEEGwKBgQDd8/L3rKWRB8tOKn/Vsa0JZL+1pne2mtrT
        QJHz9kuMa3M0Y78n0HJBgIFn9o4J63e1bfOMOhMIDJOULdu/Qi3D/m2totb+uM6e
        UreqoBWOqaMRztV49rAlRcN59XAW5vp4IjKCuJbddjbQYmgH2KExJoNxIpNUcBKG
        0N7VJM4zdwKBgQDivPRN/2wsr31QPGfpCWELt0ldNEyloMK1m6rO2q2rZI7wd9Yb
        qytq/R2MeI2FF4grcUp6ScbWqRbA/8bBOajAuCN8l12wXlWvTS7pE7nrxMY/AzfR
        Xmdnj8PYBVp+Gpju+7SvKqUzwI3rVvMSIUlAuRQpThcRMmXeV0943aO6IwKBgQCE
        4F4uPtLkL7lcM39SrMs+G23WTzHORYkJ/dcjKelyyIUw8SJosJcmdcuDNQ02DR0e
        phOveLkaEYVsqcOsDe+eLbz1vc5esr8n87d3U910CkTRDXWptG4h8lEju3d+jouW
        zkpVDjNrpDEOsks7n0ppRXhdi+iOHYZJ5dPx4NX94wKBgQDJy6lhKX2LIE8d3q7h
        lbR9G53+ZnhrecyJyOFupBNUFkDumfebMVR7mAg52kMwr6vQKdbaqBaB0eBZSL74
        8GOGkeGyUs0RIbc67dzw7MtW++j1609FFphg2vJTDDaVxRX+jucluZlII+3w8yIj
        ll7KXeoS5szqrLWbgLuFeEpFww==
        -----END PRIVATE KEY-----
        """
}
