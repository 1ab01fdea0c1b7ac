# Rolegate connection c0a8012e-known: Made by hand
# Run with credentials of AWS account 111122223333.
# Updates the existing role arn:aws-us-gov:iam::111122223333:role/partners/VendorRole in place: its trust policy and its policy rolegate-read.

cat > trust-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws-us-gov:iam::999988887777:root"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : "rg-knowncase888888888888888888888888"
      }
    }
  }
}
EOF

cat > permission-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListPrefix1",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws-us-gov:s3:::acme-gov",
    "Condition" : {
      "StringLike" : {
        "s3:prefix" : "reports/*"
      }
    }
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : "arn:aws-us-gov:s3:::acme-gov/reports/*"
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : "arn:aws-us-gov:s3:::acme-gov"
  } ]
}
EOF

aws iam update-assume-role-policy --region us-gov-west-1 --role-name VendorRole \
  --policy-document file://trust-policy.json

aws iam put-role-policy --region us-gov-west-1 --role-name VendorRole \
  --policy-name rolegate-read \
  --policy-document file://permission-policy.json

aws iam get-role --region us-gov-west-1 --role-name VendorRole --query Role.Arn --output text
